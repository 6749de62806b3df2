package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.EvaluatorIdentity;
import io.meritocrab.evaluation.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Has the configured model evaluate one contribution: builds the prompt, calls the provider through
 * {@link ModelTransport}, and checks the answer. An answer that is not a valid verdict (not JSON, an
 * unknown classification, empty, refused) is asked for once more; a second bad answer, or a provider
 * that stays unavailable, fails the evaluation with the reason.
 */
@ApplicationScoped
public class ModelEvaluator {

    private static final int ANSWERS_ASKED = 2;
    private static final Duration BUSY_PAUSE = Duration.ofMillis(200);
    private static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(30);

    @Inject
    LlmSettings settings;
    @Inject
    ModelClients clients;
    @Inject
    ModelTransport transport;
    @Inject
    ModelHealth health;

    public ModelOutcome evaluate(Contribution contribution, Optional<String> diff) {
        ModelOutcome outcome = ask(contribution, diff);
        if (outcome instanceof ModelOutcome.Answered) {
            health.answered();
        } else if (outcome instanceof ModelOutcome.Failed failed) {
            health.failed(failed.reason());
        }
        return outcome;
    }

    private ModelOutcome ask(Contribution contribution, Optional<String> diff) {
        LlmProvider provider = settings.provider();
        if (provider == LlmProvider.RULES) {
            return new ModelOutcome.Failed(settings.identity(), "no LLM provider is configured any more", 0, null, null);
        }
        EvaluatorIdentity model = settings.identity();
        if (provider == LlmProvider.MOCK) {
            try {
                return new ModelOutcome.Answered(model, MockVerdicts.verdict(settings.defaultClassification()), 0,
                        null, null);
            } catch (IllegalArgumentException e) {
                return new ModelOutcome.Failed(model, e.getMessage(), 0, null, null);
            }
        }
        ProviderProtocol protocol = ProviderProtocol.of(provider);
        Tokens tokens = new Tokens();
        long started = System.nanoTime();
        String problem = null;
        for (int answer = 1; answer <= ANSWERS_ASKED; answer++) {
            EvaluationPrompt prompt = EvaluationPrompt.of(contribution, diff);
            String request = protocol.request(model.model(), prompt, settings.maxOutputTokens());
            try {
                String body = transport.send(provider.configName(), clients.request(settings, provider, request));
                ModelReply reply = protocol.reply(body);
                tokens.add(reply);
                Verdict verdict = ModelAnswers.verdict(reply);
                return new ModelOutcome.Answered(model, verdict, millisSince(started), tokens.input, tokens.output);
            } catch (InvalidAnswerException e) {
                problem = e.getMessage();
            } catch (BulkheadException e) {
                return new ModelOutcome.Later(BUSY_PAUSE, "all model call slots are taken", false);
            } catch (ModelRateLimitedException e) {
                return new ModelOutcome.Later(e.retryAfter().orElse(DEFAULT_RATE_LIMIT_PAUSE), e.getMessage(), true);
            } catch (CircuitBreakerOpenException e) {
                return failed(model, provider.configName() + " is not called for a while after repeated failures "
                        + "(circuit breaker open)", started, tokens);
            } catch (TimeoutException e) {
                return failed(model, provider.configName() + " did not answer within " + settings.timeoutMillis()
                        + " ms, also when retried", started, tokens);
            } catch (ModelUnavailableException e) {
                return failed(model, e.getMessage() + ", also when retried", started, tokens);
            } catch (ModelRejectedException | IllegalStateException e) {
                return failed(model, withoutKey(e.getMessage()), started, tokens);
            }
        }
        return failed(model, "invalid answer twice: " + problem, started, tokens);
    }

    /** A provider's error text may quote what it was sent; the key must not reach the records. */
    private String withoutKey(String message) {
        return settings.apiKey().map(key -> message.replace(key, "[api key]")).orElse(message);
    }

    private static ModelOutcome.Failed failed(EvaluatorIdentity model, String reason, long started, Tokens tokens) {
        return new ModelOutcome.Failed(model, reason, millisSince(started), tokens.input, tokens.output);
    }

    private static int millisSince(long started) {
        return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** Tokens reported over all the answers asked for one evaluation. */
    private static final class Tokens {
        Integer input;
        Integer output;

        void add(ModelReply reply) {
            input = sum(input, reply.inputTokens());
            output = sum(output, reply.outputTokens());
        }

        private static Integer sum(Integer total, Integer more) {
            return more == null ? total : total == null ? more : total + more;
        }
    }
}
