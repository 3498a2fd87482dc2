"""The domain: capability model, assessment, scoring and roadmap. Pure Python, no Qt."""
