window.sitegenSearch.manifest({"shards":16,"key":3,"perFragment":8});
