window.sitegenSearch.shard(3,{"ivanov":0,"event":0},{"ivanov":[1,0,152,1,24],"event":[1,8,281,1,16]});
