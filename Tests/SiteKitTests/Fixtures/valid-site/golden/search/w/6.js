window.sitegenSearch.shard(6,{"and":0},{"and":[1,0,152,1,13]});
