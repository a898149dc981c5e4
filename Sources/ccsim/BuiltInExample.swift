/// The scenario `ccsim` runs without arguments; the same text as `configs/mid-size-hotline.json`
/// (a test keeps the two equal).
let builtInExample = """
{
  "ccsimVersion": 1,
  "name": "Mid-size B2C hotline",
  "description": "About 200 calls a day over 08:00-20:00, Monday to Saturday, with a morning and an early-evening peak; B2C handle times of 2-3 minutes; two call types, a billing desk and generalists on early, middle and late shifts. Typical industry figures, not measurements.",
  "simulation": { "days": 14, "replications": 20, "seed": 2026 },
  "serviceLevel": { "targetSeconds": 20, "goal": 0.8 },
  "calendar": {
    "open": "08:00", "close": "20:00", "intervalMinutes": 60,
    "days": ["mon", "tue", "wed", "thu", "fri", "sat"],
    "closedCalls": "drop", "atClose": "serve"
  },
  "busyness": { "cv": 0.1 },
  "callTypes": [
    {
      "name": "billing",
      "channel": "voice",
      "arrivals": {
        "perDay": 130,
        "profile": [0.6, 1.2, 1.4, 1.3, 1.1, 1.0, 0.9, 0.9, 1.0, 1.2, 0.9, 0.5]
      },
      "handleTime": { "distribution": "lognormal", "mean": 150, "cv": 0.7 },
      "wrapUp": { "distribution": "exponential", "mean": 30 },
      "patience": { "distribution": "exponential", "mean": 90 }
    },
    {
      "name": "technical",
      "channel": "voice",
      "arrivals": {
        "perDay": 70,
        "profile": [0.5, 1.0, 1.3, 1.3, 1.1, 1.0, 1.0, 1.0, 1.1, 1.2, 1.0, 0.5]
      },
      "handleTime": { "distribution": "gamma", "mean": 210, "cv": 0.9 },
      "wrapUp": { "distribution": "exponential", "mean": 45 },
      "patience": { "distribution": "weibull", "mean": 150, "shape": 0.8 }
    }
  ],
  "agentGroups": [
    {
      "name": "generalists",
      "skills": ["technical", "billing"],
      "shifts": [
        { "start": "08:00", "end": "14:00", "agents": 1 },
        { "start": "09:00", "end": "12:00", "agents": 1 },
        { "start": "11:00", "end": "17:00", "agents": 1 },
        { "start": "14:00", "end": "20:00", "agents": 1 },
        { "start": "16:00", "end": "20:00", "agents": 1 }
      ]
    },
    { "name": "billing-desk", "agents": 1, "skills": ["billing"] }
  ],
  "routing": { "policy": "longestIdleAgent" }
}

"""
