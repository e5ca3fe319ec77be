package apsara

import (
	"testing"

	"tunnelwiz/cloud/internal/aliyun/aliyuntest"
)

func TestCatalogData(t *testing.T) { aliyuntest.CatalogData(t, catalog) }
