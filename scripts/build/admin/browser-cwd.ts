// Injected into the editor UI's bundle (bundle.ts) in place of every `process.cwd`.
const cwd = () => "/";
export { cwd as "process.cwd" };
