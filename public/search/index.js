window.sitegenSearchParts = ["index-1.js"];
