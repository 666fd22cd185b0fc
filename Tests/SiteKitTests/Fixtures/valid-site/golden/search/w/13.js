window.sitegenSearch.shard(13,{"calls":"call","disagreed":"disagre","an":0},{"call":[2,4,246,1,0,0,116,1,27],"disagre":[1,2,207,1,13],"an":[1,10,250,1,14]});
