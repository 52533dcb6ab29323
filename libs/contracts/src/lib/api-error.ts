/** Every error the API returns has this body (DESIGN.md §7). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** One entry per bad field or row, when the request was invalid. */
  details?: ApiErrorDetail[];
  /** Quoted in logs for unexpected (5xx) errors, so support can find the cause. */
  errorId?: string;
}

export interface ApiErrorDetail {
  field: string;
  row?: number;
  message: string;
}
