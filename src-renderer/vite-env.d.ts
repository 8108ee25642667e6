// Vite's `?raw` suffix imports a file's text as a string (the illustrations are drawn inline from
// their SVG source so that CSS can highlight their parts; see components/DriveFront.tsx).
declare module '*.svg?raw' {
  const source: string;
  export default source;
}
