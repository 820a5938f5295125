/** Prompt files imported as text by the Workers bundle (wrangler's Text rule). */
declare module '*.md' {
  const text: string;
  export default text;
}
