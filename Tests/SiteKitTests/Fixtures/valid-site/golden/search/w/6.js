window.sitegenSearch.shard(6,{"and":0},{"and":[1,0,142,1,13]});
