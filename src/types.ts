/** Hono's environment for this app: the Worker's bindings, typed by `wrangler types`. */
export interface AppEnv {
  Bindings: Env;
}
