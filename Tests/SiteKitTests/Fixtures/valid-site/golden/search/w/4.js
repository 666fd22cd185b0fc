window.sitegenSearch.shard(4,{"memo":0,"think":0,"this":0,"aims":"aim"},{"memo":[3,0,182,2,1,26,4,157,1,15,10,140,1,20],"think":[1,6,265,1,17],"this":[1,8,295,1,15],"aim":[1,11,258,1,20]});
