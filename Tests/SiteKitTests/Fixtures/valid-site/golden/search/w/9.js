window.sitegenSearch.shard(9,{"editorial":"editori","lesser":0},{"editori":[1,8,281,1,10],"lesser":[1,10,250,1,17]});
