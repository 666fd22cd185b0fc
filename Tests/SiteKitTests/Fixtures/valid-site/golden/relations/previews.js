(window.sitegenPreviews = window.sitegenPreviews || {})["relations/"] = {
"russia--united-states": ["Russia and the United States","Russia as the United States’ second-tier ally (2002)."]
};
