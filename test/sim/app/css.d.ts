// Side-effect CSS imports are bundled by vite; TypeScript only needs to know they exist.
declare module '*.css';
