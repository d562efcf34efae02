from wir.portal.views.public import region_list, region_root, serve

__all__ = ["region_list", "region_root", "serve"]
