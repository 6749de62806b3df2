-- Who sent a delivery (GitHub's top-level sender.id), read at intake like the repository. Workers process
-- several deliveries in one transaction in (repository, sender) order: every transaction then takes
-- contributors' row locks in the same order, so two of them never wait for each other in a circle.
ALTER TABLE delivery ADD COLUMN sender_id BIGINT;
