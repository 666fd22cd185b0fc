(window.sitegenPreviews = window.sitegenPreviews || {})["timeline/"] = {
"1999-kosovo": ["24 March 1999 · Kosovo bombing","Editorial context: no source mentions this event."],
"2002-summit": ["24 May 2002 · Moscow summit","The two presidents met in Moscow."]
};
