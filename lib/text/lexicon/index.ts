// The word lists of the text analysis, in one place (see each file for its concern).
export * from "./base";
export * from "./numbers";
export * from "./units";
export * from "./frames";
export * from "./figures";
export * from "./abbreviations";
