window.sitegenSearchIndex = [];
