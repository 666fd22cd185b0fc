window.sitegenSearch.shard(2,{"see":0,"presidents":"presid"},{"see":[1,4,277,1,22],"presid":[1,9,305,1,12]});
