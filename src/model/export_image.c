/*
 * export_image.c: the IHK's logo for the head of the Ergebnisformular. Reads
 * the file once, checks it completely before the workbook sees it (PNG:
 * signature, every chunk's CRC, IHDR, the zlib stream of the image data to
 * its end, IEND last; JPEG: the marker structure from SOI through a frame
 * header to EOI), and reads its size and resolution the way libxlsxwriter
 * does, so the caller can scale it into a box. A broken or foreign file is
 * refused with a message naming it, never inserted into a workbook. Model
 * layer: prints nothing.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "model/export_private.h"
#include "lib/util.h"
#include "model/forms.h"

/* Largest logo accepted: a header image, not a photo archive. */
#define IMAGE_MAX_BYTES (8u * 1024 * 1024)

/* Big-endian 32-bit value at p. */
static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Big-endian 16-bit value at p. */
static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* Bytes of one row of PNG image data (without the filter byte). */
static uint64_t
png_row_bytes(uint32_t width, unsigned depth, unsigned colour)
{
	unsigned channels = colour == 0   ? 1
	                    : colour == 2 ? 3
	                    : colour == 3 ? 1
	                    : colour == 4 ? 2
	                                  : 4;
	return ((uint64_t)width * channels * depth + 7) / 8;
}

/* Whether depth is allowed for a PNG colour type. */
static int
png_depth_ok(unsigned colour, unsigned depth)
{
	switch (colour) {
	case 0:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ||
		       depth == 16;
	case 3:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8;
	case 2:
	case 4:
	case 6:
		return depth == 8 || depth == 16;
	default:
		return 0;
	}
}

/* Check a PNG completely; fills the size and resolution. NULL or a reason. */
static const char *
png_check(const unsigned char *d, size_t n, struct export_image *img)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	z_stream z = {0};
	unsigned char out[16384];
	uint64_t inflated = 0, expected = 0;
	size_t pos = 8;
	int have_header = 0, have_data = 0, stream_end = 0, zerr = Z_OK;
	unsigned depth = 0, colour = 0, interlace = 0;
	const char *reason = NULL;

	if (n < 8 || memcmp(d, sig, 8) != 0)
		return "kein PNG-Bild";
	if (inflateInit(&z) != Z_OK)
		return "zlib nicht verfügbar";
	for (;;) {
		uint32_t len;
		const unsigned char *type, *data;
		if (n - pos < 12) {
			reason = "abgeschnitten (kein IEND)";
			break;
		}
		len = be32(d + pos);
		type = d + pos + 4;
		data = d + pos + 8;
		if (len > n - pos - 12) {
			reason = "abgeschnitten (Block länger als die Datei)";
			break;
		}
		if (crc32(crc32(0L, Z_NULL, 0), type, len + 4) != be32(data + len)) {
			reason = "beschädigt (Prüfsumme eines Blocks falsch)";
			break;
		}
		if (!have_header && memcmp(type, "IHDR", 4) != 0) {
			reason = "beschädigt (IHDR fehlt)";
			break;
		}
		if (memcmp(type, "IHDR", 4) == 0) {
			if (have_header || len != 13) {
				reason = "beschädigt (IHDR)";
				break;
			}
			have_header = 1;
			img->width = be32(data);
			img->height = be32(data + 4);
			depth = data[8];
			colour = data[9];
			interlace = data[12];
			if (img->width == 0 || img->height == 0 || img->width > 100000 ||
			    img->height > 100000 || !png_depth_ok(colour, depth) ||
			    data[10] != 0 || data[11] != 0 || interlace > 1) {
				reason = "beschädigt (IHDR: Größe oder Farbtiefe)";
				break;
			}
			expected = (uint64_t)img->height *
			           (png_row_bytes(img->width, depth, colour) + 1);
		} else if (memcmp(type, "pHYs", 4) == 0 && len == 9 && data[8] == 1) {
			/* pixels per metre, as libxlsxwriter reads them */
			img->x_dpi = be32(data) * 0.0254;
			img->y_dpi = be32(data + 4) * 0.0254;
		} else if (memcmp(type, "IDAT", 4) == 0) {
			have_data = 1;
			z.next_in = (unsigned char *)data;
			z.avail_in = len;
			while (z.avail_in > 0 && !stream_end) {
				z.next_out = out;
				z.avail_out = sizeof out;
				zerr = inflate(&z, Z_NO_FLUSH);
				inflated += sizeof out - z.avail_out;
				if (zerr == Z_STREAM_END)
					stream_end = 1;
				else if (zerr != Z_OK)
					break;
			}
			if (zerr != Z_OK && zerr != Z_STREAM_END) {
				reason = "beschädigt (Bilddaten nicht lesbar)";
				break;
			}
		} else if (memcmp(type, "IEND", 4) == 0) {
			if (pos + 12 + len != n)
				reason = "beschädigt (Daten nach IEND)";
			else if (!have_data || !stream_end)
				reason = "beschädigt (Bilddaten unvollständig)";
			else if (!interlace && inflated != expected)
				reason = "beschädigt (Bilddaten passen nicht zur Größe)";
			break;
		}
		pos += 12 + (size_t)len;
	}
	inflateEnd(&z);
	return reason;
}

/* Whether a JPEG marker is a start-of-frame that carries the image size. */
static int
jpeg_is_frame(unsigned m)
{
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* Check a JPEG's marker structure; fills the size and resolution. */
static const char *
jpeg_check(const unsigned char *d, size_t n, struct export_image *img)
{
	size_t pos = 2;
	int have_frame = 0;

	if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
		return "kein JPEG-Bild";
	for (;;) {
		unsigned marker, len;
		if (n - pos < 2 || d[pos] != 0xFF)
			return "beschädigt (Marker erwartet)";
		while (pos < n && d[pos] == 0xFF)
			pos++; /* fill bytes */
		if (pos >= n)
			return "abgeschnitten";
		marker = d[pos++];
		if (marker == 0xD9)
			return pos == n
			           ? (have_frame ? NULL : "beschädigt (kein Bildkopf)")
			           : "beschädigt (Daten nach dem Ende)";
		if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
			continue; /* no length */
		if (n - pos < 2)
			return "abgeschnitten";
		len = be16(d + pos);
		if (len < 2 || len > n - pos)
			return "abgeschnitten (Segment länger als die Datei)";
		if (jpeg_is_frame(marker)) {
			if (len < 8)
				return "beschädigt (Bildkopf)";
			img->height = be16(d + pos + 3);
			img->width = be16(d + pos + 5);
			if (img->width == 0 || img->height == 0)
				return "beschädigt (Bildgröße 0)";
			have_frame = 1;
		} else if (marker == 0xE0 && len >= 16 &&
		           memcmp(d + pos + 2, "JFIF", 5) == 0) {
			unsigned units = d[pos + 9], xd = be16(d + pos + 10),
			         yd = be16(d + pos + 12);
			if (units == 1 && xd && yd) {
				img->x_dpi = xd;
				img->y_dpi = yd;
			} else if (units == 2 && xd && yd) {
				img->x_dpi = xd * 2.54;
				img->y_dpi = yd * 2.54;
			}
		}
		pos += len;
		if (marker == 0xDA) {
			/* entropy-coded data up to the next marker that is not a
			 * stuffed 0xFF00 or a restart marker */
			if (!have_frame)
				return "beschädigt (Bilddaten vor dem Bildkopf)";
			while (pos + 1 < n &&
			       !(d[pos] == 0xFF && d[pos + 1] != 0x00 &&
			         !(d[pos + 1] >= 0xD0 && d[pos + 1] <= 0xD7)))
				pos++;
			if (pos + 1 >= n)
				return "abgeschnitten (kein Bildende)";
		}
	}
}

int
export_image_load(const char *path, struct export_image *img, char **why)
{
	char *data = NULL, *reason = NULL;
	const char *bad;
	size_t len = 0;

	memset(img, 0, sizeof *img);
	if (file_read_all(path, IMAGE_MAX_BYTES, &data, &len, &reason) != 0) {
		*why = xasprintf("Logo: %s", reason);
		free(reason);
		return -1;
	}
	img->x_dpi = img->y_dpi = 96;
	if (len >= 8 && (unsigned char)data[0] == 0x89)
		bad = png_check((unsigned char *)data, len, img);
	else if (len >= 2 && (unsigned char)data[0] == 0xFF)
		bad = jpeg_check((unsigned char *)data, len, img);
	else
		bad = "weder PNG- noch JPEG-Bild";
	if (bad != NULL) {
		*why = xasprintf("Logo %s: %s", path, bad);
		free(data);
		memset(img, 0, sizeof *img);
		return -1;
	}
	if (img->x_dpi < 1 || img->y_dpi < 1)
		img->x_dpi = img->y_dpi = 96; /* libxlsxwriter's default */
	img->data = (unsigned char *)data;
	img->size = len;
	img->path = xstrdup(path);
	return 0;
}

void
export_image_free(struct export_image *img)
{
	if (img == NULL)
		return;
	free(img->data);
	free(img->path);
	memset(img, 0, sizeof *img);
}

double
export_image_fit(const struct export_image *img, double box_width, double box_height)
{
	/* the size libxlsxwriter draws at scale 1: pixels at 96 dpi */
	double w = img->width * 96.0 / img->x_dpi, h = img->height * 96.0 / img->y_dpi;
	double sx = box_width / w, sy = box_height / h;
	return sx < sy ? sx : sy;
}

char **
export_logo_candidates(const struct form *f)
{
	static const char *const generic[] = {"logo.png", "logo.jpg"};
	char *dirs[FORMS_ORIGINS];
	char **out = xcalloc(4 * FORMS_ORIGINS + 1, sizeof *out);
	size_t n = 0;

	for (int o = 0; o < FORMS_ORIGINS; o++)
		dirs[o] = forms_dir((enum forms_origin)o);
	if (f != NULL && f->id != NULL && f->id[0] != '\0' && strchr(f->id, '/') == NULL)
		for (int o = 0; o < FORMS_ORIGINS; o++)
			if (dirs[o] != NULL) {
				out[n++] = xasprintf("%s/%s.logo.png", dirs[o], f->id);
				out[n++] = xasprintf("%s/%s.logo.jpg", dirs[o], f->id);
			}
	for (int o = 0; o < FORMS_ORIGINS; o++)
		for (size_t g = 0; g < 2 && dirs[o] != NULL; g++)
			out[n++] = xasprintf("%s/%s", dirs[o], generic[g]);
	for (int o = 0; o < FORMS_ORIGINS; o++)
		free(dirs[o]);
	return out;
}

void
export_logo_candidates_free(char **paths)
{
	if (paths == NULL)
		return;
	for (size_t i = 0; paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}
