window.sitegenSearch.shard(4,{"memo":0,"think":0,"this":0,"aims":"aim"},{"memo":[3,0,188,2,1,26,4,169,1,15,10,152,1,20],"think":[1,6,239,1,17],"this":[1,8,281,1,15],"aim":[1,11,248,1,20]});
