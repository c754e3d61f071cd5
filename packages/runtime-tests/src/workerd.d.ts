// The workerd npm package's own entry (lib/main.js) ships no types; what the harness reads from it.
declare module "workerd" {
  /** The newest compatibility date this workerd supports. */
  export const compatibilityDate: string;
  export const version: string;
}
