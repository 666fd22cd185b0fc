(window.sitegenPreviews = window.sitegenPreviews || {})["actors/"] = {
"russia": ["Russia · State","A state."],
"riac": ["Russian International Affairs Council · Organisation","A think tank in Moscow."],
"united-states": ["United States · State","A state."]
};
