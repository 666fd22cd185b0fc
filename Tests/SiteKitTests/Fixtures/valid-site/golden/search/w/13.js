window.sitegenSearch.shard(13,{"calls":"call","disagreed":"disagre","an":0},{"call":[2,4,233,1,0,0,108,1,27],"disagre":[1,2,240,1,13],"an":[1,10,230,1,14]});
