window.sitegenSearch.shard(9,{"editorial":"editori","lesser":0},{"editori":[1,8,295,1,10],"lesser":[1,10,230,1,17]});
