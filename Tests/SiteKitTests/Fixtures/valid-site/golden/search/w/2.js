window.sitegenSearch.shard(2,{"see":0,"presidents":"presid"},{"see":[1,4,259,1,22],"presid":[1,9,304,1,12]});
