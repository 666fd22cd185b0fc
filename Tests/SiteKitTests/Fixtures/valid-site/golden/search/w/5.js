window.sitegenSearch.shard(5,{"in":0,"mentions":"mention"},{"in":[3,9,185,1,14,3,177,1,19,6,161,1,19],"mention":[1,8,295,1,14]});
