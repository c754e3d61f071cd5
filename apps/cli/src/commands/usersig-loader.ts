// TEMPORARY: `@voicetask/trtc/usersig` is not exported yet (the lead wires it). Until then the generator is
// imported from the workspace source and bundled into dist. Replace with `import("@voicetask/trtc/usersig")`.
export const loadUserSig = () => import("../../../../packages/trtc/src/usersig.js");
