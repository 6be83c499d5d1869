/** Scheduled refresh of CBP data (issue 3): fetch CBP_CSV_URL, import through the same path as the API. */
export async function scheduled(_controller: ScheduledController, _env: Env, _ctx: ExecutionContext): Promise<void> {}
