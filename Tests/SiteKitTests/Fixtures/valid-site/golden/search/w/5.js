window.sitegenSearch.shard(5,{"in":0,"mentions":"mention"},{"in":[3,3,191,1,19,9,185,1,14,6,145,1,19],"mention":[1,8,281,1,14]});
