// Content script entry. Runs on every impact.com page load, so it only wires things up: detection
// decides whether anything else happens. Safe to run twice (an extension update re-injects it).
document.documentElement.dataset.impactTokenHelper = 'loaded';
