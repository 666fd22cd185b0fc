window.sitegenSearch.shard(7,{"of":0,"claim":0},{"of":[2,10,176,1,16,0,108,1,33],"claim":[1,3,292,1,15]});
