// A Probot app with a handler that does nothing: Probot verifies the signature, parses the JSON and
// dispatches the event, and nothing is stored. What a maintainer's in-memory Probot app costs at least.
export default (app) => {
  app.on("pull_request", async () => {});
};
