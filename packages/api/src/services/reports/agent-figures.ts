import { ratio } from "./report-sql";

/** What the agent reports show of an agent's work, over a period or one of its buckets. */
export interface AgentFigures {
  /** Closings of sessions the agent had: each one a piece of work finished. */
  sessionsHandled: number;
  medianFirstResponseSeconds: number | null;
  averageHandleSeconds: number | null;
  csatResponses: number;
  csatScore: number | null;
  timeOnlineSeconds: number;
}

/** The same figures as the agent reports' SQL reads them. */
export interface AgentFiguresRow {
  handled: number;
  median_first_response: number | null;
  average_handle: number | null;
  responses: number;
  satisfied: number;
  online_seconds: number;
}

export function agentFiguresOf(row: AgentFiguresRow): AgentFigures {
  return {
    sessionsHandled: row.handled,
    medianFirstResponseSeconds: row.median_first_response === null ? null : Number(row.median_first_response),
    averageHandleSeconds: row.average_handle === null ? null : Number(row.average_handle),
    csatResponses: row.responses,
    csatScore: ratio(row.satisfied, row.responses),
    timeOnlineSeconds: Number(row.online_seconds),
  };
}
