export interface ListFilters {
  search: string;
  priority: "low" | "normal" | "high" | "urgent" | null;
  teamId: string | null;
}

export const NO_FILTERS: ListFilters = { search: "", priority: null, teamId: null };
