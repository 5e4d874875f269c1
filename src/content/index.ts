// Content script entry: in-page flags come later; kept tiny so every page pays almost nothing.
export {};
