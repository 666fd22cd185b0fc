window.sitegenSearch.shard(12,{"only":"onli"},{"onli":[1,5,274,1,17]});
