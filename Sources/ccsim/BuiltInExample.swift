/// The scenario `ccsim` runs without arguments; the same text as `configs/mid-size-hotline.json`
/// (a test keeps the two equal).
let builtInExample = """
{
  "ccsimVersion": 1,
  "name": "Mid-size B2C hotline, busy hours",
  "description": "Two call types and two agent groups in a stationary busy period of about 30 calls an hour (about 240 calls over an 8-hour day, B2C handle times of 2-3 minutes). Typical industry figures, not measurements.",
  "simulation": { "hours": 80, "replications": 20, "seed": 2026, "warmupMinutes": 30 },
  "serviceLevel": { "targetSeconds": 20, "goal": 0.8 },
  "callTypes": [
    {
      "name": "billing",
      "channel": "voice",
      "arrivals": { "perHour": 20 },
      "handleTime": { "distribution": "lognormal", "mean": 150, "cv": 0.7 },
      "wrapUp": { "distribution": "exponential", "mean": 30 },
      "patience": { "distribution": "exponential", "mean": 90 }
    },
    {
      "name": "technical",
      "channel": "voice",
      "arrivals": { "perHour": 10 },
      "handleTime": { "distribution": "gamma", "mean": 210, "cv": 0.9 },
      "wrapUp": { "distribution": "exponential", "mean": 45 },
      "patience": { "distribution": "weibull", "mean": 150, "shape": 0.8 }
    }
  ],
  "agentGroups": [
    { "name": "level1", "agents": 3, "skills": ["billing", "technical"] },
    { "name": "billing-desk", "agents": 1, "skills": ["billing"] }
  ],
  "routing": { "policy": "longestIdleAgent" }
}

"""
