// Background entry: stays thin; routes messages and keeps the toolbar badge.
export {};
