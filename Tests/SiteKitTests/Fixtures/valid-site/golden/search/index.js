window.sitegenSearch.manifest({"shards":16,"perFragment":8});
