/**
 * How each demo agent works, so that the performance dashboard has differences to show:
 * `pace` stretches or shrinks their response times, `ratingBias` nudges their CSAT.
 */
export interface AgentWorkStyle {
  pace: number;
  ratingBias: number;
}

const AGENT_WORK_STYLES: Record<string, AgentWorkStyle> = {
  "ada@parley.dev": { pace: 0.7, ratingBias: 0.5 },
  "grace@parley.dev": { pace: 1, ratingBias: 0.2 },
  "linus@parley.dev": { pace: 1.3, ratingBias: -0.2 },
  "margaret@parley.dev": { pace: 0.8, ratingBias: 0.3 },
  "alan@parley.dev": { pace: 1.6, ratingBias: -0.6 },
  "katherine@parley.dev": { pace: 1, ratingBias: 0 },
};

const STEADY: AgentWorkStyle = { pace: 1, ratingBias: 0 };

export function workStyleOf(agentEmail: string): AgentWorkStyle {
  return AGENT_WORK_STYLES[agentEmail] ?? STEADY;
}
