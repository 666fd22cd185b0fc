window.sitegenSearch.shard(12,{"only":"onli"},{"onli":[1,5,279,1,17]});
