window.sitegenSearch.shard(7,{"of":0,"claim":0},{"of":[2,10,191,1,16,0,116,1,33],"claim":[1,3,314,1,15]});
