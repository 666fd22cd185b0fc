(window.sitegenPreviews = window.sitegenPreviews || {})["glossary/"] = {
"second-tier-ally": ["Second-tier ally · Glossary","An ally of lesser rank."],
"strategic-ally": ["Strategic ally · Glossary","A long-term ally sharing strategic aims."]
};
