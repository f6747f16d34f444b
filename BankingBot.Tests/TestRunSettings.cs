// Test classes run one after another: many start real processes (the bot, Azurite, Chromium, the Agents
// Playground) on this 2-core machine, and conversation tests wait at most a few seconds for each reply, so
// running classes side by side made a slow turn look like a missing one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
