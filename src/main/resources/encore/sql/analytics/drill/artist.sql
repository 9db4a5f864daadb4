sp.artist = ?
