export type * from "./model.js";
export * from "./policy.js";
export {
  flattenTencentParams,
  type TencentFormError,
  type TencentFormRule,
  type TencentFormSchema,
  type TencentFormValue,
  type UnflattenOptions,
  unflattenTencentParams,
} from "./protocols/tencent-form.js";
export * from "./signing/index.js";
